module example.com/m

replace example.com/a => "./d\x69r\u00e9 \101\t"

replace example.com/b => "./\U0001F680"

replace "example.com/c" => "./c\"d"
