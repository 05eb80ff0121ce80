module (
	example.com/a
)
