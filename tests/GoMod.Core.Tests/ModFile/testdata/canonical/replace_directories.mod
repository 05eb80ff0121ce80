module example.com/m

go 1.19

require (
	example.com/a v1.0.0
	example.com/b v1.0.0
	example.com/c v1.0.0
)

replace example.com/a => ../a

replace example.com/b v1.0.0 => ./third_party/b

replace example.com/c => /opt/src/c
