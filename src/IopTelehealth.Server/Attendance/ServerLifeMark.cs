using System.Globalization;
using IopTelehealth.Domain.Attendance;

namespace IopTelehealth.Server.Attendance;

/// <summary>
/// "This server was alive at T", kept in a small file in the data folder and renewed at every attendance retry. Read once at
/// start, it tells when the previous process on this data was last alive: an in-memory room dies with its process, and its
/// patients' intervals end there (within one retry interval), not whenever the server came back.
/// </summary>
internal sealed class ServerLifeMark
{
    private readonly string _path;
    private readonly TimeProvider _clock;

    public ServerLifeMark(string path, TimeProvider clock)
    {
        _path = path;
        _clock = clock;
        Life = new ServerLife(clock.GetUtcNow(), Read(path));
    }

    public ServerLife Life { get; }

    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        // Written aside and moved over, so a crash mid-write leaves the previous mark rather than a torn one.
        var temporary = _path + ".tmp";
        await File.WriteAllTextAsync(temporary, _clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        File.Move(temporary, _path, overwrite: true);
    }

    private static DateTimeOffset? Read(string path)
    {
        try
        {
            return DateTimeOffset.TryParse(File.ReadAllText(path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
