using System.Globalization;
using System.Text;
using Dapper;
using ServiceWindow.Persistence.History;
using ServiceWindow.Persistence.Tests.Store;

namespace ServiceWindow.Persistence.Tests.History;

/// The writer hashes the text it sends and verify-history hashes what `payload::text` gives back,
/// so the two texts must be the same for every document, checked here against PostgreSQL itself.
[Collection(StoreDatabaseCollection.Name)]
public sealed class JsonbTextTests(StoreDatabase database)
{
    [Theory]
    [InlineData("""{"bb":1,"a":2,"ab":3}""", """{"a": 2, "ab": 3, "bb": 1}""")]
    [InlineData("""{"k":1,"k":2}""", """{"k": 2}""")]
    [InlineData("""[1.50, -0, 1e2, "\u4e2d\/"]""", """[1.50, 0, 100, "中/"]""")]
    public void Canonical_PrintsTheDocumentAsJsonbDoes(string json, string expected) =>
        Assert.Equal(expected, JsonbText.Canonical(json));

    [Fact]
    public async Task Canonical_MatchesPostgres_ForRandomDocuments()
    {
        var random = new Random(20251121);
        var documents = Enumerable.Range(0, 400).Select(_ => Document(random, 0)).ToArray();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var printed = (await connection.QueryAsync<string>(
            "select d::jsonb::text from unnest(@documents) with ordinality as t (d, position) order by position",
            new { documents })).ToList();

        for (var i = 0; i < documents.Length; i++)
        {
            Assert.True(printed[i] == JsonbText.Canonical(documents[i]), $"document {documents[i]}\npostgres  {printed[i]}\ncanonical {JsonbText.Canonical(documents[i])}");
        }
    }

    [Fact]
    public async Task Canonical_IsWhatPostgresPrintsBack_SoItsHashSurvivesTheRoundTrip()
    {
        var random = new Random(7);
        var canonical = Enumerable.Range(0, 200).Select(_ => JsonbText.Canonical(Document(random, 0))).ToArray();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var printed = await connection.QueryAsync<string>(
            "select d::jsonb::text from unnest(@canonical) with ordinality as t (d, position) order by position", new { canonical });

        Assert.Equal(canonical, printed);
    }

    private static readonly string[] Keys =
        ["", "a", "b", "ab", "ba", "B", "aa", "é", "e", "中文", "😀", "a\"b", "tab\there", "\u0001", "stage", "Stage", "数据", "z"];

    private static readonly string[] Numbers =
        ["0", "-0", "-0.0", "1.50", "-12.3400", "1e2", "1E+2", "1.5e-3", "-2.50E1", "123456789012345678", "0.000001", "42", "-7"];

    private static string Document(Random random, int depth)
    {
        var pick = depth >= 3 ? random.Next(3, 8) : random.Next(0, 8);
        switch (pick)
        {
            case 0:
            case 1:
                var members = Enumerable.Range(0, random.Next(0, 6))
                    .Select(_ => $"{Space(random)}{Text(random, Keys[random.Next(Keys.Length)])}{Space(random)}:{Space(random)}{Document(random, depth + 1)}");
                return "{" + string.Join(",", members) + Space(random) + "}";
            case 2:
                return "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Space(random) + Document(random, depth + 1))) + "]";
            case 3:
            case 4:
                return Text(random, RandomString(random));
            case 5:
                return Numbers[random.Next(Numbers.Length)];
            case 6:
                return random.Next(2) == 0 ? "true" : "false";
            default:
                return "null";
        }
    }

    private static string Space(Random random) => random.Next(4) switch { 0 => " ", 1 => "\n  ", _ => "" };

    private static string RandomString(Random random)
    {
        const string alphabet = "ab 中文é\"\\/\n\r\t\b\f\u0001\u001f\u007f\u2028😀";
        var text = new StringBuilder();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            var at = random.Next(alphabet.Length);
            // Keep a surrogate pair whole.
            if (char.IsHighSurrogate(alphabet[at]))
            {
                text.Append(alphabet, at, 2);
            }
            else if (!char.IsLowSurrogate(alphabet[at]))
            {
                text.Append(alphabet[at]);
            }
        }
        return text.ToString();
    }

    /// A JSON string literal, escaping characters in the several ways a writer may.
    private static string Text(Random random, string value)
    {
        var text = new StringBuilder("\"");
        Span<char> units = stackalloc char[2];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value > '~' && random.Next(3) == 0)
            {
                // Escaped as UTF-16 code units: a character outside the BMP becomes a surrogate pair.
                foreach (var unit in units[..rune.EncodeToUtf16(units)])
                {
                    text.Append("\\u").Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
                }
                continue;
            }
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '/': text.Append(random.Next(2) == 0 ? "/" : "\\/"); break;
                case < ' ': text.Append("\\u").Append(rune.Value.ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture)); break;
                default: text.Append(rune.ToString()); break;
            }
        }
        return text.Append('"').ToString();
    }
}
