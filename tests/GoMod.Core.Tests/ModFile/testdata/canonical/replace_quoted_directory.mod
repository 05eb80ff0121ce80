module example.com/m

replace example.com/a => "./dir with spaces/a"

replace example.com/b => "../it's here"
