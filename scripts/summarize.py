#!/usr/bin/python3
"""Prints a plan JSON compactly, one item per line, for checking by eye."""
import json
import sys


def tree(sections, depth=0):
    for s in sections:
        print(f"{'  ' * depth}[{s['number']}] ({s['kind']}) L{s['line']} "
              f"{s['title'][:70]}  items={len(s['items'])}")
        tree(s["children"], depth + 1)


def main(path):
    plan = json.load(open(path, encoding="utf-8"))
    print(json.dumps(plan["document"], ensure_ascii=False, indent=1))
    for b in plan["legal_bases"]:
        print("BASIS", b["line"], b["type"], b["number"], b["date"], "|", b["issuer"])
    tree(plan["sections"])
    for key in ("goals", "requirements"):
        for g in plan[key]:
            print(key[:4].upper(), g["section"], g["line"], g["text"][:60])
    for c in plan["criteria"]:
        print("CRIT", c["section"], c["line"], c["applies_to"], "|", c["text"][:50])
    for t in plan["targets"]:
        print("TARG", t["section"], t["line"], t["comparator"], t["quantity"],
              t["quantity_max"], t["unit"], "|", t["indicator"])
    for d in plan["deadlines"]:
        print("DEAD", d["section"], d["line"], d["kind"], d["date"], d["start"],
              d["end"], d["recurrence"], "|", d["responsible"])
    for a in plan["assignments"]:
        print("ASSN", a["section"], a["line"], a["role"], a["assignee"], len(a["tasks"]))
    for c in plan["contacts"]:
        print("CONT", c)


if __name__ == "__main__":
    main(sys.argv[1])
