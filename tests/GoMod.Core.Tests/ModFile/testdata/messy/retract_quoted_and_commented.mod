module example.com/m

retract (
	"v1.0.0" // a
	[ "v0.1.0" , v0.2.0 ] // b
)
