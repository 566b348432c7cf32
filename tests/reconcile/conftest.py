import sys
from pathlib import Path

# pytest runs with --import-mode=importlib: make the shared builders of this folder importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))
