"""Write static/maps/us-states.svg, the home page's state shapes (pages.map.state_sprite_svg), from the
committed county-map shapes. Run after scripts/build_county_map.py changes the shapes."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    from pages.map import STATE_SPRITE, state_sprite_svg

    target = ROOT / "static" / STATE_SPRITE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(state_sprite_svg(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
