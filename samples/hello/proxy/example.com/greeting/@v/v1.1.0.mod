module example.com/greeting

go 1.17

require (
	example.com/punct v1.1.0
	example.com/words v1.0.0
)
