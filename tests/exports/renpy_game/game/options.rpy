## Settings of the fixture game (written for Lorebase's tests).
define config.name = _("Harbour 9")
define config.version = "0.9"
define gui.text_size = 22
default persistent.seen_fog = False
