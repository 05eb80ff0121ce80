module example.com/m

go 1.17

require (
	example.com/a v1.0.0 // indirect; pinned for a security fix
	example.com/b v1.1.0 // indirect
	example.com/c v1.2.0 // keep: used by generated code
)
