# Two Annas share a surname and a first name; one Kai's name is inside the other's.
define anna = Character("Анна Волкова", image="anna", color="#c8ffc8")
define anna_m = Character("Анна-Мария Волкова", image="annamaria")
define kai = Character(_("Kai Volkov"), image="kai")
define kai2 = Character(_("Kai"))
define guard_9 = Character('Guard #9')
define n = Character(None, kind=nvl)

image anna happy = "anna_happy.png"
