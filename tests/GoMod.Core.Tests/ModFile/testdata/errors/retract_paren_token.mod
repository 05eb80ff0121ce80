module example.com/m

retract ( v1.0.0
