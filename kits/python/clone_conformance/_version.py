"""The package's version: always the npm package's (package.json), which the build checks."""

__version__ = "0.1.0"
