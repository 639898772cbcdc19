#!/usr/bin/python3
"""Validates vnplan JSON files against schema/plan.schema.json (Draft 2020-12).

Usage: validate_json.py SCHEMA FILE...   (a FILE holding a JSON array is
validated element by element). Exit 0 when all are valid, 1 otherwise.
Uses Debian's python3-jsonschema; nothing is downloaded.
"""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    schema = json.load(open(argv[1], encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    bad = 0
    for path in argv[2:]:
        data = json.load(open(path, encoding="utf-8"))
        for plan in data if isinstance(data, list) else [data]:
            for error in validator.iter_errors(plan):
                where = "/".join(str(p) for p in error.absolute_path)
                print(f"{path}: {where}: {error.message[:200]}", file=sys.stderr)
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
