"""`python -m assistant.embed.export`: export the embedding model under --model-dir, once."""

from __future__ import annotations

import time
from pathlib import Path

import click

from assistant.embed.export.graphs import CALIBRATION, ensure_model, export_model


@click.command()
@click.option("--model-dir", type=click.Path(path_type=Path), default=Path(".models"))
@click.option("--int8/--no-int8", default=True, help="Also write the int8 variants.")
@click.option("--calibration", type=click.Path(path_type=Path, exists=True), default=CALIBRATION,
              show_default=True, help="Corpus whose texts calibrate the OpenVINO int8 model.")
@click.option("--force", is_flag=True, help="Export even when an up-to-date export exists.")
def main(model_dir: Path, int8: bool, calibration: Path, force: bool) -> None:
    """Export all-MiniLM-L6-v2 (ONNX and OpenVINO) under --model-dir (default .models)."""
    started = time.perf_counter()
    export = export_model if force else ensure_model
    path = export(model_dir, int8, calibration)
    click.echo(f"{path} ready ({time.perf_counter() - started:.1f}s)")


if __name__ == "__main__":
    main()
