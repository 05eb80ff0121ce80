module example.com/app

go 1.19

require (
	github.com/google/go-cmp v0.5.8
	github.com/spf13/cobra v1.5.0
	golang.org/x/mod v0.6.0
)
