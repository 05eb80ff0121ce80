module example.com/interop/golib

go 1.19

require (
	example.com/Shout v0.2.0
	example.com/greeting v1.1.0
)

require (
	example.com/punct v1.1.0 // indirect
	example.com/words v1.0.0 // indirect
)
