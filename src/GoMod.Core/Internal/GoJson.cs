using System.Globalization;
using System.Text;

namespace GoMod.Core.Internal;

/// <summary>Writes JSON the way Go's <c>encoding/json</c> with <c>MarshalIndent(v, "", "\t")</c> does.</summary>
internal sealed class GoJson
{
    private readonly StringBuilder _b;
    private int _depth;
    private readonly Stack<bool> _first = new();

    public GoJson(StringBuilder b) => _b = b;

    public void BeginObject() { _b.Append('{'); _depth++; _first.Push(true); }

    public void EndObject()
    {
        _depth--;
        bool empty = _first.Pop();
        if (!empty) NewLine();
        _b.Append('}');
    }

    public void Name(string name)
    {
        if (!_first.Pop()) _b.Append(',');
        _first.Push(false);
        NewLine();
        String(name);
        _b.Append(": ");
    }

    public void Field(string name, string value) { Name(name); String(value); }

    public void Field(string name, bool value) { Name(name); _b.Append(value ? "true" : "false"); }

    public void StringArray(string name, IReadOnlyList<string> values)
    {
        Name(name);
        _b.Append('[');
        _depth++;
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) _b.Append(',');
            NewLine();
            String(values[i]);
        }
        _depth--;
        NewLine();
        _b.Append(']');
    }

    /// <summary>Starts an array value (after <see cref="Name"/>); each element starts with <see cref="ArrayItem"/>.</summary>
    public void BeginArray() { _b.Append('['); _depth++; _first.Push(true); }

    /// <summary>Starts the next array element: a comma after the previous one, a new line.</summary>
    public void ArrayItem()
    {
        if (!_first.Pop()) _b.Append(',');
        _first.Push(false);
        NewLine();
    }

    public void EndArray()
    {
        _depth--;
        bool empty = _first.Pop();
        if (!empty) NewLine();
        _b.Append(']');
    }

    private void NewLine()
    {
        _b.Append('\n');
        _b.Append('\t', _depth);
    }

    /// <summary>A JSON string with Go's escaping: <c>&lt; &gt; &amp;</c>, U+2028 and U+2029 as <c>\u</c> escapes.</summary>
    public void String(string s)
    {
        _b.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': _b.Append("\\\""); break;
                case '\\': _b.Append("\\\\"); break;
                case '\n': _b.Append("\\n"); break;
                case '\r': _b.Append("\\r"); break;
                case '\t': _b.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    _b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default:
                    if (c < 0x20) _b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else _b.Append(c);
                    break;
            }
        }
        _b.Append('"');
    }

    /// <summary>Go's <c>time.Time</c> JSON form: RFC 3339 with nanoseconds, trailing zeros trimmed, <c>Z</c> for a zero offset.</summary>
    public static string Time(DateTimeOffset t)
    {
        var b = new StringBuilder(t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        long ticks = t.Ticks % TimeSpan.TicksPerSecond;
        if (ticks != 0)
        {
            var frac = (ticks * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
            b.Append('.').Append(frac);
        }
        if (t.Offset == TimeSpan.Zero) b.Append('Z');
        else
        {
            var off = t.Offset;
            b.Append(off < TimeSpan.Zero ? '-' : '+');
            off = off.Duration();
            b.Append(off.Hours.ToString("D2", CultureInfo.InvariantCulture)).Append(':').Append(off.Minutes.ToString("D2", CultureInfo.InvariantCulture));
        }
        return b.ToString();
    }
}
