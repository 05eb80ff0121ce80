module example.com/m

godebug (
	key="v"
)
