#!/usr/bin/env python3
"""Interactive network view of a kg store: `python visualize.py [--store DIR] [-o FILE.html]`.

The same command as `kg viz`; `python visualize.py --help` lists the options.
"""
from kg.viz.command import viz

if __name__ == "__main__":
    viz(prog_name="visualize.py")
