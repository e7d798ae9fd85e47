"""An in-tree PEP 517 build backend for the clone-conformance Python package, standard library only.

CI has no package index: setuptools and wheel may be missing, so the sdist and the wheel are
written here with zipfile, tarfile, hashlib and base64. The version is package.json's (two levels
up, in a checkout) or PKG-INFO's (in an unpacked sdist); clone_conformance/_version.py must agree.

    python3 kits/python/_build/backend.py OUTDIR   # writes the sdist and the wheel into OUTDIR
"""

import base64
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import time
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # kits/python, or the sdist's root
PACKAGE = "clone_conformance"
DIST = "clone_conformance"  # the distribution's file-name form (PEP 625, PEP 427)
SOURCE_DATE = (1980, 1, 1, 0, 0, 0)  # reproducible archives: no build time inside


def _project():
    """The [project] table of pyproject.toml: tomllib from Python 3.11, else the subset this file uses."""
    with open(os.path.join(HERE, "pyproject.toml"), "rb") as handle:
        text = handle.read().decode("utf-8")
    try:
        import tomllib
        return tomllib.loads(text)["project"]
    except ImportError:
        pass
    project, table, key, buffer = {}, None, None, None
    for line in text.splitlines():
        line = line.split(" #")[0].rstrip() if not line.lstrip().startswith("#") else ""
        if buffer is not None:
            buffer += line
            if line.strip().endswith("]"):
                table[key] = json.loads(re.sub(r",\s*]$", "]", buffer))
                buffer = None
            continue
        header = re.match(r"^\[(.+)\]$", line.strip())
        if header:
            name = header.group(1)
            table = project if name == "project" else project.setdefault(name[8:], {}) if name.startswith("project.") else None
            continue
        pair = re.match(r'^([\w-]+|"[^"]+")\s*=\s*(.*)$', line.strip())
        if pair and table is not None:
            key, value = pair.group(1).strip('"'), pair.group(2)
            if value.startswith("[") and not value.endswith("]"):
                buffer = value
            else:
                table[key] = json.loads(re.sub(r",\s*]$", "]", value))
    return project


def _version():
    package_json = os.path.join(HERE, "..", "..", "package.json")
    pkg_info = os.path.join(HERE, "PKG-INFO")
    if os.path.exists(package_json):
        with open(package_json, encoding="utf-8") as handle:
            version = json.load(handle)["version"]
    elif os.path.exists(pkg_info):
        with open(pkg_info, encoding="utf-8") as handle:
            version = re.search(r"^Version: (.+)$", handle.read(), re.M).group(1).strip()
    else:
        raise RuntimeError("no version: neither ../../package.json (a checkout) nor PKG-INFO (an sdist) is there")
    with open(os.path.join(HERE, PACKAGE, "_version.py"), encoding="utf-8") as handle:
        written = re.search(r'__version__ = "([^"]+)"', handle.read()).group(1)
    if written != version:
        raise RuntimeError("clone_conformance/_version.py says %s, package.json %s: make them agree" % (written, version))
    return version


def _metadata(version):
    project = _project()
    lines = ["Metadata-Version: 2.1", "Name: %s" % project["name"], "Version: %s" % version,
             "Summary: %s" % project["description"], "License: %s" % project["license"],
             "Requires-Python: %s" % project["requires-python"], "Keywords: %s" % ",".join(project["keywords"])]
    lines += ["Classifier: %s" % classifier for classifier in project["classifiers"]]
    lines += ["Project-URL: %s, %s" % (name, url) for name, url in project.get("urls", {}).items()]
    lines.append("Description-Content-Type: text/markdown")
    with open(os.path.join(HERE, project["readme"]), encoding="utf-8") as handle:
        return "\n".join(lines) + "\n\n" + handle.read()


def _package_files():
    """(path in the archive, path on disk) of the import package: its modules and py.typed."""
    folder = os.path.join(HERE, PACKAGE)
    names = sorted(name for name in os.listdir(folder) if name.endswith(".py") or name == "py.typed")
    return [("%s/%s" % (PACKAGE, name), os.path.join(folder, name)) for name in names]


def _license():
    """LICENSE: the repository's (a checkout), or the copy the sdist carries."""
    inside = os.path.join(HERE, "LICENSE")
    return inside if os.path.exists(inside) else os.path.join(HERE, "..", "..", "LICENSE")


def _read(path):
    with open(path, "rb") as handle:
        return handle.read()


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    info = "%s-%s.dist-info" % (DIST, version)
    name = "%s-%s-py3-none-any.whl" % (DIST, version)
    entries = [(archived, _read(path)) for archived, path in _package_files()]
    entries += [
        ("%s/METADATA" % info, _metadata(version).encode("utf-8")),
        ("%s/WHEEL" % info, b"Wheel-Version: 1.0\nGenerator: clone-conformance in-tree backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        ("%s/LICENSE" % info, _read(_license())),
    ]
    record = [_record_line(archived, data) for archived, data in entries] + ["%s/RECORD,," % info]
    entries.append(("%s/RECORD" % info, ("\n".join(record) + "\n").encode("utf-8")))
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as wheel:
        for archived, data in entries:
            entry = zipfile.ZipInfo(archived, SOURCE_DATE)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(entry, data)
    return name


def build_sdist(sdist_directory, config_settings=None):
    version = _version()
    root = "%s-%s" % (DIST, version)
    name = root + ".tar.gz"
    files = [("pyproject.toml", os.path.join(HERE, "pyproject.toml")), ("README.md", os.path.join(HERE, "README.md")),
             ("LICENSE", _license()), ("_build/backend.py", os.path.abspath(__file__))]
    files += _package_files()
    entries = [(archived, _read(path)) for archived, path in files]
    entries.append(("PKG-INFO", _metadata(version).encode("utf-8")))
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        for archived, data in sorted(entries):
            entry = tarfile.TarInfo("%s/%s" % (root, archived))
            entry.size, entry.mode, entry.mtime = len(data), 0o644, time.mktime(SOURCE_DATE + (0, 0, -1))
            sdist.addfile(entry, io.BytesIO(data))
    return name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 kits/python/_build/backend.py OUTDIR")
    os.makedirs(sys.argv[1], exist_ok=True)
    print(os.path.join(sys.argv[1], build_sdist(sys.argv[1])))
    print(os.path.join(sys.argv[1], build_wheel(sys.argv[1])))
