#!/usr/bin/python3
"""Validates a kstidy model export against docs/model.schema.json.

usage: validate_model.py SCHEMA EXPORT.json
Exit 0 when valid, 1 when not (each violation printed), 2 on usage errors.
Uses Debian's python3-jsonschema (run with /usr/bin/python3).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate_model.py: python3-jsonschema is not installed "
          "(apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print("validate_model.py: %s" % e, file=sys.stderr)
        return 2
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc),
                    key=lambda e: list(e.absolute_path))
    for e in errors:
        print("%s: %s" % (e.json_path, e.message))
    if errors:
        print("%d schema violation(s) in %s" % (len(errors), argv[2]))
        return 1
    units = doc.get("translationUnits", [])
    print("valid: %d translation unit(s), %d item array(s)" % (
        len(units), sum(len(u["itemArrays"]) for u in units)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
