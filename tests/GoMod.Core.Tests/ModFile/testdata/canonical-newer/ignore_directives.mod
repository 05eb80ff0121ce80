module example.com/m

go 1.25.0

ignore ./node_modules

ignore (
	"./build output"
	./testdata/generated
	static
)
