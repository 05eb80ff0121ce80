module example.com/m

retract [ v1.0.0 , v1.1.0 ]

retract ["v1.2.0","v1.3.0"]
