module example.com/m

retract [
