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

    static string Answer(string line)
    {
        var parts = line.Split(' ');
        var f = new string[parts.Length - 1];
        for (int i = 1; i < parts.Length; i++)
            f[i - 1] = Decode(parts[i]);
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
