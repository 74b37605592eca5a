using IopTelehealth.Client;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Persistence.Attendance;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Attendance;

/// <summary>
/// The embedded default (one process, rooms in memory): kill -9 during a session, then start again on the same data. The rooms
/// died with the process, so nothing will ever close their intervals; the new process closes them at the old one's last life
/// mark (renewed every 5 s), not at the restart. Error bound: one retry interval (5 s).
/// </summary>
public sealed class SingleNodeRestartTests : IDisposable
{
    private static readonly TimeSpan MarkInterval = TimeSpan.FromSeconds(5);

    /// <summary>Clock reads of the test and the server processes happen at different moments of one machine clock.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(500);

    private readonly ServerDeployment _deployment = new();
    private readonly Uri _address = new($"http://127.0.0.1:{FreePort.Next()}/");

    [Fact]
    public async Task After_a_crash_the_restarted_server_ends_the_lost_rooms_intervals_when_the_old_process_was_last_alive()
    {
        Guid sessionId;
        Guid userId;
        DateTimeOffset killedAt;
        await using (var node = await _deployment.StartNodeAsync(_address, _address))
        {
            sessionId = await _deployment.QueryAsync(db => db.Sessions.Where(s => s.Topic == DemoAccounts.DropInTopic).Select(s => s.Id).FirstAsync());
            userId = await _deployment.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Patient(1)).Select(u => u.Id).SingleAsync());
            await using var therapist = await ConnectAsync(DemoAccounts.Therapist);
            await using var patient = await ConnectAsync(DemoAccounts.Patient(1));
            await therapist.JoinSession(sessionId, null);
            await patient.JoinSession(sessionId, RoomParticipants.AtHome);
            await Eventually.TrueAsync(() => therapist.View.Lobby.Count == 1, "the patient waits", TimeSpan.FromSeconds(20));
            await therapist.AdmitAll();
            await Eventually.TrueAsync(async () => (await IntervalsAsync(sessionId)).Any(i => i.UserId == userId && i.End == null), "the patient is present",
                TimeSpan.FromSeconds(20));
            // Two marks pass, so the old process's last mark is not the one it wrote at start.
            await Task.Delay(2 * MarkInterval, TestContext.Current.CancellationToken);

            killedAt = DateTimeOffset.UtcNow;
            await node.KillAsync();
        }

        await using var restarted = await _deployment.StartNodeAsync(_address, _address);
        await Eventually.TrueAsync(async () => (await IntervalsAsync(sessionId)).All(i => i.End != null), "the restarted server closes the lost room's intervals",
            TimeSpan.FromSeconds(20));

        var lost = (await IntervalsAsync(sessionId)).Single(i => i.UserId == userId);
        Assert.Equal(AttendanceEndReason.NodeLost, lost.EndReason);
        var error = killedAt - lost.End!.Value;
        TestContext.Current.TestOutputHelper?.WriteLine($"single-node restart: interval ended {error.TotalMilliseconds:F0} ms before the kill");
        Assert.InRange(error, -Slack, MarkInterval + Slack);
    }

    public void Dispose() => _deployment.Dispose();

    private async Task<RoomClient> ConnectAsync(string email) =>
        await RoomParticipants.ConnectAsync([_address], await RoomParticipants.SignInForTokenAsync(_address, email));

    private Task<List<AttendanceIntervalRow>> IntervalsAsync(Guid sessionId) =>
        _deployment.QueryAsync(db => db.AttendanceIntervals.AsNoTracking().Where(i => i.SessionId == sessionId).ToListAsync());
}
