using IopTelehealth.Client;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Hybrid;

/// <summary>The demo server with a quick device poll interval, and intent helpers for hybrid sessions.</summary>
public sealed class HybridServer : IopServer
{
    private readonly Lazy<Task<string>> _deviceToken;

    public HybridServer()
        : base(new Dictionary<string, string?> { ["Identity:DevicePollInterval"] = "00:00:01" }) =>
        _deviceToken = new(async () => (await this.SignInRoomDeviceAsync(await this.DemoGroupIdAsync(), DeviceFlowTests.PollInterval)).AccessToken!);

    /// <summary>A room device of the demo group, approved once per server (the approval itself is DeviceFlowTests' subject).</summary>
    public Task<string> DeviceTokenAsync() => _deviceToken.Value;

    /// <summary>The room device joined to <paramref name="sessionId"/>.</summary>
    public async Task<RoomClient> DeviceInRoomAsync(Guid sessionId)
    {
        var device = await RoomParticipants.ConnectAsync([BaseAddress], await DeviceTokenAsync());
        var reply = await device.JoinSession(sessionId, null);
        Assert.Equal("admitted", reply.Admission);
        return device;
    }

    /// <summary>A session, open now, of a second group of the demo clinic in which no demo patient is enrolled.</summary>
    public Task<Guid> SessionOfAnotherGroupAsync() => WithDbAsync(async db =>
    {
        var demo = await db.Groups.SingleAsync(g => g.Name == DemoAccounts.GroupName);
        var program = await db.Programs.SingleAsync(p => p.Id == demo.ProgramId);
        var group = new TherapyGroup(Guid.NewGuid(), demo.ClinicId, program.Id, $"Morning group {Guid.NewGuid():N}"[..24], 8, program.MaxGroupSize);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var session = new GroupSession(Guid.NewGuid(), demo.ClinicId, group.Id, scheduleId: null,
            new SessionSlot(DateOnly.FromDateTime(start.UtcDateTime), start, start.AddHours(3), "Other group"));
        db.AddRange(group, session);
        await db.SaveChangesAsync();
        return session.Id;
    });
}
