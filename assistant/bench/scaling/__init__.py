"""How cost grows with the library: the scaling step of `make bench` (`--only scaling`).

library.py grows the library N times with renamed copies of its companies and builds it with
the copies' vectors reused; measure.py measures each size as the other steps measure the real
library; rows.py turns the results into the report's rows, acceptance lines and chart curves.
"""
