using System.Runtime.InteropServices;

// Calls Greet, exported by the Go library ../golib builds (libgreet.so beside this app).
var name = args.Length > 0 ? args[0] : "interop";
var result = Native.Greet(name);
try
{
    Console.WriteLine("C# got from Go: " + Marshal.PtrToStringUTF8(result));
}
finally
{
    Native.FreeString(result);
}

internal static class Native
{
    [DllImport("greet")]
    internal static extern IntPtr Greet([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("greet")]
    internal static extern void FreeString(IntPtr s);
}
