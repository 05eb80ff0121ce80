// Command hello greets loudly, using modules served by the proxy in ./proxy.
package main

import (
	"fmt"

	shout "example.com/Shout"
	"example.com/greeting"
)

func main() {
	fmt.Println(shout.Loud(greeting.Hello("gophers")))
}
