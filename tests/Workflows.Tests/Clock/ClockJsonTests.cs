using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Tests.Support;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Clock;

/// Cases are stored as JSON: every clock type must come back equal.
public sealed class ClockJsonTests
{
    public static TheoryData<string, JsonSerializerOptions> Options => new()
    {
        { "default options", new JsonSerializerOptions() },
        { "string enums", new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } } },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void ServiceClock_RoundTrips(string options, JsonSerializerOptions serializer)
    {
        var now = Instant("2025-09-29T10:00:00+08:00");
        var clock = new ClockBuilder().AcceptedAt("2025-09-26T10:00:00+08:00").Build()
            .Pause(Instant("2025-09-26T11:00:00+08:00"), "supplement: 户口簿")
            .Resume(Instant("2025-09-28T09:30:00+08:00"))
            .Extend(Instant("2025-09-28T10:00:00+08:00"), TimeLimit.WorkingDays(2), "leader-li", CnMainland)
            .Hold(DeadlineKind.Promised, Instant("2025-10-14T17:30:00+08:00"))
            .Pause(now, "hearing");

        var back = JsonSerializer.Deserialize<ServiceClock>(JsonSerializer.Serialize(clock, serializer), serializer);

        Assert.True(clock == back, options);
        Assert.Equal(clock.Snapshot(CnMainland, now, WarningThresholds.Default), back!.Snapshot(CnMainland, now, WarningThresholds.Default));
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void StoppedClockWithMoves_RoundTrips(string options, JsonSerializerOptions serializer)
    {
        var clock = new ClockBuilder().Build()
            .Hold(DeadlineKind.Statutory, Instant("2025-10-11T17:30:00+08:00"))
            .MoveDeadline(DeadlineKind.Statutory, Instant("2025-09-23T10:00:00+08:00"), "admin-wang", CnMainland)
            .Stop(Instant("2025-09-25T16:00:00+08:00"));

        var back = JsonSerializer.Deserialize<ServiceClock>(JsonSerializer.Serialize(clock, serializer), serializer);

        Assert.True(clock == back, options);
        Assert.Single(back!.Moves);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void ValueTypes_RoundTrip(string options, JsonSerializerOptions serializer)
    {
        var snapshot = new ClockBuilder().Build().Snapshot(CnMainland, Instant("2025-09-26T10:00:00+08:00"), WarningThresholds.Default);

        Assert.True(snapshot == RoundTrip(snapshot, serializer), options);
        Assert.Equal(new WarningThresholds(2, 25), RoundTrip(new WarningThresholds(2, 25), serializer));
        Assert.Equal(new Deadline(Instant("2027-01-04T17:30:00+08:00"), true), RoundTrip(new Deadline(Instant("2027-01-04T17:30:00+08:00"), true), serializer));
        Assert.Equal(TimeLimit.WorkingHours(2), RoundTrip(TimeLimit.WorkingHours(2), serializer));
        Assert.Equal(WarningLevel.StatutoryRed, RoundTrip(WarningLevel.StatutoryRed, serializer));
        Assert.Equal(OfficeHours.Default, RoundTrip(OfficeHours.Default, serializer));
    }

    [Fact]
    public void StringEnums_AreWrittenByName()
    {
        var serializer = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };

        var json = JsonSerializer.Serialize(new ClockBuilder().Build().Snapshot(CnMainland, Instant("2025-09-26T10:00:00+08:00"), WarningThresholds.Default), serializer);

        Assert.Contains("\"Warning\":\"Yellow\"", json, StringComparison.Ordinal);
        Assert.Contains("\"PromisedLimit\":\"5wd\"", json, StringComparison.Ordinal);
    }

    private static T? RoundTrip<T>(T value, JsonSerializerOptions serializer) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, serializer), serializer);
}
