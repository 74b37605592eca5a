using IopTelehealth.Client;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>What a therapist does to the room: lock, mute all, ask to unmute, spotlight, stop video, deny.</summary>
public sealed class ModerationTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task A_locked_room_keeps_new_arrivals_in_the_lobby_even_staff_who_would_enter_directly()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var observer = await server.ConnectAsAsync(DemoAccounts.Staff);

        await therapist.Lock();
        var locked = await observer.JoinSession(sessionId, null);

        Assert.Equal("lobby", locked.Admission);
        Assert.True(locked.Room.Locked);
        Assert.True((await server.StoredRoomAsync(sessionId))!.Locked);
        await Eventually.TrueAsync(() => therapist.View.Lobby.Any(l => l.Id == locked.ParticipantId && l.Role == "observer"), "the therapist sees staff waiting");

        await therapist.Unlock();
        await observer.LeaveSession();
        var unlocked = await observer.JoinSession(sessionId, null);

        Assert.Equal("admitted", unlocked.Admission);
        Assert.False(unlocked.Room.Locked);
    }

    [Fact]
    public async Task Mute_all_holds_every_patient_until_asked_to_unmute_and_leaves_the_therapist_alone()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var first = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        await using var second = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));
        await therapist.SetMedia(audio: true, video: true);
        await first.SetMedia(audio: true, video: true);
        await second.SetMedia(audio: true, video: true);

        await therapist.MuteAll();

        await Eventually.TrueAsync(() => first.View.HardMuted && second.View.HardMuted, "both patients are hard-muted");
        await Eventually.TrueAsync(() => therapist.View.Find(first.View.SelfId!) is { AudioOn: false, HardMuted: true }, "the therapist sees the mute");
        Assert.True(therapist.View.Self!.AudioOn);
        var held = await Assert.ThrowsAsync<RoomCallException>(() => first.SetMedia(audio: true, video: true));
        Assert.Equal("hard-muted", held.Code);

        await therapist.AskToUnmute(first.View.SelfId!);

        await Eventually.TrueAsync(() => first.View.AskedToUnmute && !first.View.HardMuted, "the first patient is asked to unmute");
        Assert.True(second.View.HardMuted);
        await first.SetMedia(audio: true, video: true);
        await Eventually.TrueAsync(() => therapist.View.Find(first.View.SelfId!) is { AudioOn: true, HardMuted: false }, "the therapist hears the first patient again");
        var stillHeld = await Assert.ThrowsAsync<RoomCallException>(() => second.SetMedia(audio: true, video: true));
        Assert.Equal("hard-muted", stillHeld.Code);
    }

    [Fact]
    public async Task Spotlight_reaches_everyone_and_stop_video_turns_one_camera_off()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var speaker = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(3));
        await using var other = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(4), messagePack: true);
        await other.SetMedia(audio: false, video: true);
        var speakerId = speaker.View.SelfId!;

        await therapist.Spotlight(speakerId);

        await Eventually.TrueAsync(() => new[] { therapist, speaker, other }.All(c => c.View.Room?.SpotlightParticipantId == speakerId), "everyone sees the spotlight");
        Assert.Equal(new(speakerId), (await server.StoredRoomAsync(sessionId))!.Spotlight);

        await therapist.Spotlight(null);
        await therapist.StopVideo(other.View.SelfId!);

        await Eventually.TrueAsync(() => other.View.VideoStoppedByModerator, "the patient learns their camera was stopped");
        await Eventually.TrueAsync(() => speaker.View.Find(other.View.SelfId!) is { VideoOn: false, VideoStopped: true }, "the others see the camera off");
        Assert.All(new[] { therapist, speaker, other }, c => Assert.Null(c.View.Room!.SpotlightParticipantId));
        Assert.False(speaker.View.VideoStoppedByModerator);
    }

    [Fact]
    public async Task Deny_sends_a_waiting_patient_away_without_a_ban()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var waiting = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(5));
        var participantId = waiting.View.SelfId!;

        await therapist.Deny(participantId);

        await Eventually.TrueAsync(() => waiting.View.Denied && waiting.View.Admission == "left", "the patient learns they were not admitted");
        await Eventually.TrueAsync(() => therapist.View.Lobby.Count == 0, "the lobby is empty");
        Assert.Null((await server.StoredRoomAsync(sessionId))!.Find(new(participantId)));
        var stale = await Assert.ThrowsAsync<RoomCallException>(waiting.RaiseHand);
        Assert.Equal("not-joined", stale.Code);

        var again = await waiting.JoinSession(sessionId, RoomParticipants.AtHome);
        Assert.Equal("lobby", again.Admission);
    }
}
