"""Git export of a generated world: a full export, then an incremental one after 10 edits.

    .venv/bin/python bench/export_world.py [--entities 100000]

The full export renders, writes, stages and commits every file; the incremental
one follows 10 edits made through lorebase.services and stages only what it rendered.
"""

import tempfile
import time
from pathlib import Path

from stack import bench_parser, bench_stack, generated_world


def main() -> None:
    parser = bench_parser(__doc__)
    arguments = parser.parse_args()
    with bench_stack(), tempfile.TemporaryDirectory(prefix="lorebase-export-") as out:
        from exports.services import export_worlds
        from lorebase import services
        from lorebase.models import Character, Scene
        from worldgen.generator import delete_generated_world

        world = generated_world(arguments, slug="bench-export")
        started = time.perf_counter()
        full = export_worlds(worlds=[world], out_dir=Path(out))
        seconds = time.perf_counter() - started
        files = sum(counts["added"] for counts in full.changes.values())
        print(f"full export: {files} files in {seconds:.1f} s, {files / seconds:,.0f} files/s")

        for character in Character.objects.filter(world=world).order_by("pk")[:5]:
            character.persona += " Lately, restless."
            services.entity_save(instance=character)
        for scene in Scene.objects.filter(world=world).order_by("-pk")[:5]:
            scene.summary += " It rained."
            services.entity_save(instance=scene)
        started = time.perf_counter()
        incremental = export_worlds(worlds=[world], out_dir=Path(out))
        seconds = time.perf_counter() - started
        print(f"incremental export after 10 edits: {seconds:.2f} s, changes {incremental.changes}")
        started = time.perf_counter()
        export_worlds(worlds=[world], out_dir=Path(out))
        print(f"export without changes: {time.perf_counter() - started:.2f} s")
        delete_generated_world(world)


if __name__ == "__main__":
    main()
