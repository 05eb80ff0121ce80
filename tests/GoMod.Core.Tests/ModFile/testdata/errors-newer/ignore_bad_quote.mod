module example.com/m

ignore (
	"./a\q"
)
