module example.com/m

foo

require example.com/a v1.x

bar (
)

module example.com/n
