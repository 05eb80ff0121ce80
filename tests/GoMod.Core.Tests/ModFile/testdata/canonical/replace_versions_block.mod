module example.com/m

go 1.19

replace (
	github.com/old/lib => github.com/new/lib v1.4.0
	github.com/old/lib v1.2.0 => github.com/fork/lib v1.2.1-fix
	golang.org/x/net v0.0.0-20220722155237-a158d28d115b => golang.org/x/net v0.1.0
)
