module example.com/m

go 1.16

retract [v1.0.0, v1.0.5] // Contains a data race.
