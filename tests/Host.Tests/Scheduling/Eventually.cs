using Npgsql;

namespace ServiceWindow.Host.Tests.Scheduling;

/// Polls the database until a reading matches or the wait runs out, and returns the last reading.
public static class Eventually
{
    public static async Task<T> ReadAsync<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> read, Func<T, bool> done, TimeSpan? wait = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        // Generous: on an idle machine these take a second or two; only a failure waits it out.
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(60));
        T value;
        do
        {
            value = await read(connection);
            if (done(value))
            {
                return value;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);
        return value;
    }
}
