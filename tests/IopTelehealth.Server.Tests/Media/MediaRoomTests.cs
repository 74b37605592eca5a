using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>The media setup in the join reply, the mesh size limit, audio-only mode and screen share permission (mesh server).</summary>
public sealed class MediaRoomTests(MeshServer server) : IClassFixture<MeshServer>
{
    [Fact]
    public async Task The_join_reply_carries_the_mode_the_ice_servers_and_a_turn_login_of_the_participants_own()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.ConnectAsAsync(DemoAccounts.Therapist);

        var before = DateTimeOffset.UtcNow;
        var reply = await therapist.JoinSession(sessionId, null);

        Assert.Equal("3", reply.ProtocolVersion);
        var media = reply.Media;
        Assert.Equal(WireMediaModes.Mesh, media.Mode);
        Assert.Equal(MeshServer.Limit, media.MeshSizeLimit);
        Assert.Equal(24 * 1024, media.MaxSdpBytes);
        Assert.Equal(2, media.IceServers.Length);
        Assert.Equal([MeshServer.Stun], media.IceServers[0].Urls);
        Assert.Null(media.IceServers[0].Username);
        var turn = media.IceServers[1];
        Assert.Equal([MeshServer.Turn], turn.Urls);
        var parts = turn.Username!.Split(':');
        Assert.Equal(reply.ParticipantId, parts[1]);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0], CultureInfo.InvariantCulture));
        Assert.InRange(expires, before.AddHours(4).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(4).AddSeconds(1));
        // coturn's use-auth-secret check, computed independently here.
#pragma warning disable CA5350 // coturn defines HMAC-SHA1 for TURN REST credentials.
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(MeshServer.TurnSecret), Encoding.UTF8.GetBytes(turn.Username)));
#pragma warning restore CA5350
        Assert.Equal(expected, turn.Credential);

        await using var patient = await server.ConnectAsAsync(DemoAccounts.Patient(1));
        var patientReply = await patient.JoinSession(sessionId, RoomParticipants.AtHome);
        Assert.NotEqual(turn.Username, patientReply.Media.IceServers[1].Username);
        Assert.EndsWith(":" + patientReply.ParticipantId, patientReply.Media.IceServers[1].Username, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admitting_past_the_mesh_limit_answers_room_needs_sfu_and_the_patient_stays_in_the_lobby()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var first = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));
        await using var second = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(3));
        await using var third = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(4));
        var version = await server.RoomVersionAsync(sessionId);

        var admit = await Assert.ThrowsAsync<RoomCallException>(() => therapist.Admit(third.View.SelfId!));
        var admitAll = await Assert.ThrowsAsync<RoomCallException>(therapist.AdmitAll);

        Assert.Equal(["room-needs-sfu", "room-needs-sfu"], [admit.Code, admitAll.Code]);
        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Equal("lobby", third.View.Admission);

        // Staff who would enter directly are refused at the join, and nothing is stored for them.
        await using var observer = await server.ConnectAsAsync(DemoAccounts.Staff);
        var join = await Assert.ThrowsAsync<RoomCallException>(() => observer.JoinSession(sessionId, null));
        Assert.Equal("room-needs-sfu", join.Code);
        Assert.Equal(3, (await server.StoredRoomAsync(sessionId))!.Participants.Count(p => p.IsPresent));

        // A seat frees up: the waiting patient can be admitted.
        await second.LeaveSession();
        await therapist.Admit(third.View.SelfId!);
        await Eventually.TrueAsync(() => third.View.Admission == "admitted", "the third patient is admitted once a seat is free");
    }

    [Fact]
    public async Task Audio_only_is_seen_by_peers_turns_the_camera_off_and_keeps_it_off_until_left()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(5));
        await patient.SetMedia(audio: true, video: true);
        await patient.SetScreenShare(false);

        await patient.SetAudioOnly(true);

        await Eventually.TrueAsync(() => therapist.View.Find(patient.View.SelfId!) is { AudioOnly: true, VideoOn: false, AudioOn: true }, "the therapist sees audio-only");
        Assert.True((await server.StoredRoomAsync(sessionId))!.Find(new(patient.View.SelfId!))!.AudioOnly);
        var camera = await Assert.ThrowsAsync<RoomCallException>(() => patient.SetMedia(audio: true, video: true));
        Assert.Equal("invalid-argument", camera.Code);

        await patient.SetAudioOnly(false);
        await patient.SetMedia(audio: true, video: true);
        await Eventually.TrueAsync(() => therapist.View.Find(patient.View.SelfId!) is { AudioOnly: false, VideoOn: true }, "the therapist sees video again");
    }

    [Fact]
    public async Task A_patient_shares_the_screen_only_with_the_therapists_permission_and_loses_it_when_withdrawn()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(6));

        var refused = await Assert.ThrowsAsync<RoomCallException>(() => patient.SetScreenShare(true));
        Assert.Equal("forbidden", refused.Code);
        var notModerator = await Assert.ThrowsAsync<RoomCallException>(() => patient.AllowScreenShare(patient.View.SelfId!, true));
        Assert.Equal("forbidden", notModerator.Code);
        await therapist.SetScreenShare(true);
        await Eventually.TrueAsync(() => patient.View.Find(therapist.View.SelfId!) is { ScreenSharing: true, ScreenShareAllowed: true }, "the patient sees the therapist share");

        await therapist.AllowScreenShare(patient.View.SelfId!, true);
        await Eventually.TrueAsync(() => patient.View.Self is { ScreenShareAllowed: true }, "the patient sees the permission");
        await patient.SetScreenShare(true);
        await Eventually.TrueAsync(() => therapist.View.Find(patient.View.SelfId!) is { ScreenSharing: true }, "the therapist sees the patient share");

        await therapist.AllowScreenShare(patient.View.SelfId!, false);
        await Eventually.TrueAsync(() => patient.View.Self is { ScreenSharing: false, ScreenShareAllowed: false }, "withdrawing ends the share");
        var again = await Assert.ThrowsAsync<RoomCallException>(() => patient.SetScreenShare(true));
        Assert.Equal("forbidden", again.Code);
    }
}
