// The oracle: .NET's own answers (Mono's reference-source System.Text.RegularExpressions and
// System.String) for the differential test crates/expr/tests/oracle/main.rs. Its one job: read
// cases on stdin, one a line, and answer each on one line of stdout, in order.
//
// A line is an operation and its fields, separated by single spaces. Every string travels as
// its UTF-16 code units, each as four hex digits, after an `x` (so an empty string is `x`): any
// text, CR LF, NUL and lone surrogates included, survives the trip unchanged.
//
//   regex    PATTERN INPUT REPLACEMENT   Regex.Replace(input, pattern, replacement)
//   group    PATTERN INPUT NAME REPLACEMENT
//            Entra's regexGroupName form, both readings: the group's place in each match
//            replaced, and every occurrence of each match's group text replaced (string.Replace
//            in match order); then 1 if a capture of the group was empty, else 0
//   attr     PATTERN OTHER NAME          the group's text in the first match of the pattern
//   text     SOURCE OLD NEW              source.Replace(old, new)
//   template SOURCE OLD TEMPLATE         template.Replace(old, source)
//   categories                           CharUnicodeInfo.GetUnicodeCategory (what RegexCharClass
//                                        asks; char.GetUnicodeCategory differs in Latin-1: ª is
//                                        Ll there, Lo here) of every UTF-16 unit, 0000 to FFFF,
//                                        as two hex digits each (UnicodeCategory's number)
//   fn NAME FIELDS…                      the .NET call behind one of the evaluator's other
//                                        functions (see Function below; `n` is a null string)
//   blocks                               the block names \p{…} takes and their classes, as
//                                        pairs of fields (RegexCharClass's own table, read by
//                                        reflection: scripts/unicode_tables.py writes the
//                                        evaluator's tables from these two)
//
// An answer is `ok` and its fields, `nogroup` (the pattern has no group of that name),
// `nomatch` (attr: no match, or the group took no part), `timeout`, or `err` and the type of
// the exception .NET threw (an invalid pattern: ArgumentException).
using System;
using System.Globalization;
using System.Reflection;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

static class Oracle
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    static string Decode(string field)
    {
        if (field == "n")
            return null;
        if (field.Length == 0 || field[0] != 'x' || (field.Length - 1) % 4 != 0)
            throw new FormatException("bad field: " + field);
        var units = new char[(field.Length - 1) / 4];
        for (int i = 0; i < units.Length; i++)
            units[i] = (char)Convert.ToUInt16(field.Substring(1 + 4 * i, 4), 16);
        return new string(units);
    }

    static string Encode(string text)
    {
        var hex = new StringBuilder(1 + 4 * text.Length);
        hex.Append('x');
        foreach (char c in text)
            hex.Append(((int)c).ToString("x4"));
        return hex.ToString();
    }

    static string Ok(params string[] texts)
    {
        var line = new StringBuilder("ok");
        foreach (var text in texts)
            line.Append(' ').Append(Encode(text));
        return line.ToString();
    }

    static string Group(string pattern, string input, string name, string replacement)
    {
        var regex = new Regex(pattern, RegexOptions.None, Timeout);
        int number = regex.GroupNumberFromName(name);
        if (number < 0)
            return "nogroup";
        var inPlace = new StringBuilder();
        string everywhere = input;
        bool empty = false;
        int copied = 0;
        foreach (Match match in regex.Matches(input))
        {
            var group = match.Groups[number];
            if (!group.Success)
                continue;
            empty |= group.Length == 0;
            inPlace.Append(input, copied, group.Index - copied).Append(replacement);
            copied = group.Index + group.Length;
            if (group.Length > 0)
                everywhere = everywhere.Replace(group.Value, replacement);
        }
        inPlace.Append(input, copied, input.Length - copied);
        return Ok(inPlace.ToString(), everywhere) + (empty ? " 1" : " 0");
    }

    static string Attr(string pattern, string other, string name)
    {
        var regex = new Regex(pattern, RegexOptions.None, Timeout);
        int number = regex.GroupNumberFromName(name);
        if (number < 0)
            return "nogroup";
        var group = regex.Match(other).Groups[number];
        return group.Success ? Ok(group.Value) : "nomatch";
    }

    static string Categories()
    {
        var hex = new StringBuilder(2 * 65536);
        for (int u = 0; u <= 0xFFFF; u++)
            hex.Append(((int)CharUnicodeInfo.GetUnicodeCategory((char)u)).ToString("x2"));
        return hex.ToString();
    }

    static string Blocks()
    {
        var type = typeof(Regex).Assembly.GetType("System.Text.RegularExpressions.RegexCharClass");
        var table = (string[][])type
            .GetField("s_propTable", BindingFlags.Static | BindingFlags.NonPublic)
            .GetValue(null);
        var fields = new string[2 * table.Length];
        for (int i = 0; i < table.Length; i++)
        {
            fields[2 * i] = table[i][0];
            fields[2 * i + 1] = table[i][1];
        }
        return Ok(fields);
    }

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // How the reference prints a date (CDate, DateAdd, Now): M/d/yyyy h:mm:ss tt, invariant.
    static string Printed(DateTime date)
    {
        return date.ToString("M/d/yyyy h:mm:ss tt", Inv);
    }

    // CDate: DateTime.Parse, then UTC. The kind tells whether the text gave a zone.
    static DateTime Utc(string text)
    {
        return DateTime.Parse(text, Inv).ToUniversalTime();
    }

    // A Visual Basic &H constant as VB reads it: up to 8 digits an Integer (two's complement),
    // up to 16 a Long; more overflow.
    static long VbHex(string digits)
    {
        string trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0)
            return 0;
        if (trimmed.Length > 16)
            throw new OverflowException();
        if (trimmed.Length <= 8)
            return unchecked((int)Convert.ToUInt32(trimmed, 16));
        return Convert.ToInt64(trimmed, 16);
    }

    // BitAnd's operand: an &H constant as VB reads it, else Convert.ToInt64 of the text.
    static long Operand(string text)
    {
        return text.StartsWith("&H", StringComparison.Ordinal) ? VbHex(text.Substring(2)) : Convert.ToInt64(text, Inv);
    }

    // Whole units in ticks / per / then, as TimeSpan.TotalDays and the like give them in this
    // .NET (ticks * (1.0 / per)), and whether newer .NETs (ticks / per) truncate otherwise.
    static string Whole(long ticks, long per, double then)
    {
        double multiplied = Math.Truncate(ticks * (1.0 / per) / then);
        double divided = Math.Truncate((double)ticks / per / then);
        return Ok(((long)multiplied).ToString(Inv)) + (multiplied != divided ? " 1" : " 0");
    }

    // VB's DateAdd over the Gregorian calendar (Microsoft.VisualBasic.DateAndTime.DateAdd is
    // not packaged for this Mono, so its body is written out): Year, Quarter and Month take
    // CInt(Fix(Number)) through Calendar.AddYears/AddMonths; days and weeks
    // DateTime.AddDays(Fix(Number)) (times 7.0); Hour, Minute, Second AddHours(Fix(Number)) etc.
    static DateTime DateAdd(string interval, double number, DateTime date)
    {
        var cal = new GregorianCalendar();
        double fix = Math.Truncate(number);
        switch (interval)
        {
            case "yyyy": return cal.AddYears(date, checked((int)fix));
            case "q": return cal.AddMonths(date, checked((int)fix * 3));
            case "m": return cal.AddMonths(date, checked((int)fix));
            case "ww": return date.AddDays(fix * 7.0);
            case "d": case "y": case "w": return date.AddDays(fix);
            case "h": return date.AddHours(fix);
            case "n": return date.AddMinutes(fix);
            case "s": return date.AddSeconds(fix);
            default: throw new ArgumentException("interval");
        }
    }

    // VB's DateDiff: TimeSpan's totals truncated; weeks between the Sundays on or before each;
    // calendar months and years.
    static string DateDiff(string interval, DateTime a, DateTime b)
    {
        long day = TimeSpan.TicksPerDay;
        switch (interval)
        {
            case "yyyy": return Ok((b.Year - a.Year).ToString(Inv)) + " 0";
            case "q":
                return Ok(((b.Year - a.Year) * 4 + (b.Month - 1) / 3 - (a.Month - 1) / 3).ToString(Inv)) + " 0";
            case "m": return Ok(((b.Year - a.Year) * 12 + b.Month - a.Month).ToString(Inv)) + " 0";
            case "w": return Whole(b.Ticks - a.Ticks, day, 7.0);
            case "ww":
                var sa = a.AddDays(-(int)a.DayOfWeek);
                var sb = b.AddDays(-(int)b.DayOfWeek);
                return Whole(sb.Ticks - sa.Ticks, day, 7.0);
            case "d": case "y": return Whole(b.Ticks - a.Ticks, day, 1.0);
            case "h": return Whole(b.Ticks - a.Ticks, TimeSpan.TicksPerHour, 1.0);
            case "n": return Whole(b.Ticks - a.Ticks, TimeSpan.TicksPerMinute, 1.0);
            case "s": return Whole(b.Ticks - a.Ticks, TimeSpan.TicksPerSecond, 1.0);
            default: throw new ArgumentException("interval");
        }
    }

    // The .NET call behind each of the evaluator's functions; f are the request's strings.
    static string Function(string name, string[] f)
    {
        switch (name)
        {
            case "upper": return Ok(f[0].ToUpperInvariant());
            case "lower": return Ok(f[0].ToLowerInvariant());
            case "title": return Ok(Inv.TextInfo.ToTitleCase(f[0].ToLowerInvariant()));
            case "titlesep":
            {
                var out_ = new StringBuilder();
                bool start = true;
                foreach (char c in f[0])
                {
                    if (f[1].IndexOf(c) >= 0) { out_.Append(c); start = true; }
                    else { out_.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)); start = false; }
                }
                return Ok(out_.ToString());
            }
            case "isnull": return Ok(f[0] == null ? "True" : "False");
            case "isnullorempty": return Ok(string.IsNullOrEmpty(f[0]) ? "True" : "False");
            case "ispresent": return Ok(string.IsNullOrEmpty(f[0]) ? "False" : "True");
            case "isstring": return Ok(((object)f[0]) is string ? "True" : "False");
            case "not":
            {
                bool parsed;
                bool loose = bool.TryParse(f[0], out parsed) && f[0] != "True" && f[0] != "False";
                return Ok(f[0] == "True" ? "False" : "True") + (loose ? " 1" : " 0");
            }
            case "cbool": return Ok(Convert.ToBoolean(f[0], Inv).ToString(Inv));
            case "cboolnum": return Ok(Convert.ToBoolean(long.Parse(f[0], Inv)).ToString(Inv));
            case "cstr": return Ok(Convert.ToString(f[0], Inv));
            case "cstrnum": return Ok(Convert.ToString(long.Parse(f[0], Inv), Inv));
            case "base64": return Ok(Convert.ToBase64String(Encoding.Unicode.GetBytes(f[0])));
            case "utf8hex":
                return Ok(BitConverter.ToString(Encoding.UTF8.GetBytes(f[0])).Replace("-", ""));
            case "vbhex": return Ok(VbHex(f[0]).ToString(Inv));
            case "bitand": return Ok((Operand(f[0]) & Operand(f[1])).ToString(Inv));
            case "redact": return Ok(f[0]);
            case "count": return Ok(f.Length.ToString(Inv));
            case "distinct":
            {
                var kept = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Distinct(f, StringComparer.Ordinal));
                int folded = System.Linq.Enumerable.Count(System.Linq.Enumerable.Distinct(f, StringComparer.OrdinalIgnoreCase));
                return Ok(kept) + (folded != kept.Length ? " 1" : " 0");
            }
            case "cdate":
            {
                var read = DateTime.Parse(f[0], Inv);
                return Ok(Printed(read.ToUniversalTime())) + " " + read.Kind;
            }
            case "numfromdate":
            {
                var read = DateTime.Parse(f[0], Inv);
                return Ok(read.ToFileTimeUtc().ToString(Inv)) + " " + read.Kind;
            }
            case "datefromnum": return Ok(Printed(DateTime.FromFileTimeUtc(long.Parse(f[0], Inv))));
            case "formatdt":
                return Ok(DateTime.ParseExact(f[0], f[1], Inv,
                    DateTimeStyles.RoundtripKind | DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite)
                    .ToString(f[2], Inv));
            case "dateadd":
                return Ok(Printed(DateAdd(f[0], double.Parse(f[1], Inv), Utc(f[2]))));
            case "datediff": return DateDiff(f[0], Utc(f[1]), Utc(f[2]));
            case "append": return Ok(f[0] + f[1]);
            case "strip": return Ok(f[0].Replace(" ", ""));
            case "left":
            {
                int n = int.Parse(f[1], Inv);
                return Ok(n < 0 || n >= f[0].Length ? f[0] : f[0].Substring(0, n));
            }
            case "mid":
            {
                int start = int.Parse(f[1], Inv) - 1, length = int.Parse(f[2], Inv);
                return Ok(f[0].Substring(start, Math.Min(length, f[0].Length - start)));
            }
            case "instr":
            {
                int at = f[0].IndexOf(f[1], int.Parse(f[2], Inv) - 1, StringComparison.Ordinal);
                return at < 0 ? "nomatch" : Ok((at + 1).ToString(Inv));
            }
            case "split": return Ok(f[0].Split(new[] { f[1] }, StringSplitOptions.None));
            case "join":
            {
                var parts = new System.Collections.Generic.List<string>();
                for (int i = 1; i < f.Length; i++)
                    if (!string.IsNullOrEmpty(f[i]))
                        parts.Add(f[i]);
                return Ok(string.Join(f[0], parts));
            }
            default: throw new FormatException("unknown function: " + name);
        }
    }

    static string Answer(string line)
    {
        var parts = line.Split(' ');
        int skip = parts[0] == "fn" ? 2 : 1;
        var f = new string[Math.Max(0, parts.Length - skip)];
        for (int i = skip; i < parts.Length; i++)
            f[i - skip] = Decode(parts[i]);
        try
        {
            switch (parts[0])
            {
                case "regex":
                    return Ok(new Regex(f[0], RegexOptions.None, Timeout).Replace(f[1], f[2]));
                case "group":
                    return Group(f[0], f[1], f[2], f[3]);
                case "attr":
                    return Attr(f[0], f[1], f[2]);
                case "text":
                    return Ok(f[0].Replace(f[1], f[2]));
                case "template":
                    return Ok(f[2].Replace(f[1], f[0]));
                case "categories":
                    return Categories();
                case "blocks":
                    return Blocks();
                case "fn":
                    try
                    {
                        return Function(parts[1], f);
                    }
                    catch (FormatException e) when (!e.Message.StartsWith("unknown function"))
                    {
                        // .NET's answer: the text is not a date, a number, a boolean.
                        return "err FormatException";
                    }
                default:
                    throw new FormatException("unknown operation: " + parts[0]);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return "timeout";
        }
        catch (FormatException)
        {
            throw;
        }
        catch (Exception e)
        {
            return "err " + e.GetType().Name;
        }
    }

    static int Main()
    {
        var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        stdout.NewLine = "\n";
        string line;
        while ((line = stdin.ReadLine()) != null)
            stdout.WriteLine(Answer(line));
        stdout.Flush();
        return 0;
    }
}
