using System.Globalization;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Demo;

/// What happens in the demo office from the first day to the last: for each working day of the
/// calendar, the applicants who come and what becomes of their matters. Pure: the same seed and
/// days give the same stories, and nothing is written here.
public sealed class DemoPlan
{
    private static readonly DemoPerson MarriageClerk1 = new("wang.fang", "marriage-1", "clerk", "handler");
    private static readonly DemoPerson MarriageClerk2 = new("li.na", "marriage-2", "clerk", "handler");
    private static readonly DemoPerson AssistanceClerk = new("zhang.wei", "assistance-1", "clerk", "handler");
    private static readonly DemoPerson HallClerk = new("liu.yang", "hall-1", "clerk");
    private static readonly DemoPerson MarriageChief = new("chen.jing", "marriage-1", "section_chief");
    private static readonly DemoPerson AssistanceChief = new("zhao.lei", "assistance-1", "section_chief");
    private static readonly DemoPerson Leader = new("sun.min", "marriage-1", "leader");
    private static readonly DemoPerson EfficiencyOffice = new("zhou.qiang", "hall-1", "efficiency_office");

    private readonly WorkingCalendar calendar;
    private readonly Random random;
    private readonly DemoApplicants applicants;
    private int certificates;

    public DemoPlan(WorkingCalendar calendar, int seed)
    {
        this.calendar = calendar;
        random = new Random(seed);
        applicants = new DemoApplicants(random);
    }

    /// The stories of applicants who come on the working days from <paramref name="first"/> to <paramref name="last"/>.
    public IReadOnlyList<DemoStory> Stories(DateOnly first, DateOnly last)
    {
        var stories = new List<DemoStory>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                stories.Add(Marriage(day));
            }
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                stories.Add(Divorce(day));
            }
            if (random.NextDouble() < 0.6)
            {
                stories.Add(Allowance(day));
            }
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                stories.Add(Inquiry(day));
            }
            if (random.NextDouble() < 0.12)
            {
                stories.Add(Complaint(day));
            }
        }
        return stories;
    }

    private DemoStory Marriage(DateOnly day)
    {
        var clerk = random.Next(2) == 0 ? MarriageClerk1 : MarriageClerk2;
        var id = NewId();
        var at = Visit(day);
        var steps = new List<DemoStep>
        {
            Open(at, id, "marriage-registration", "receive", clerk, day, new()
            {
                ["party_a"] = applicants.Name(), ["party_b"] = applicants.Name(),
            }),
        };
        var done = at.AddMinutes(random.Next(10, 30));
        if (random.NextDouble() < 0.05)
        {
            steps.Add(Step(done, id, "refuse", clerk, "marriage refused", ("reason", "一方未达法定婚龄")));
            return new DemoStory(steps);
        }
        steps.Add(Step(done, id, "register", clerk, "marriage registered", ("certificate_number", Certificate("J", day))));
        Rate(steps, id, done, clerk, MarriageChief);
        return new DemoStory(steps);
    }

    private DemoStory Divorce(DateOnly day)
    {
        var clerk = random.Next(2) == 0 ? MarriageClerk1 : MarriageClerk2;
        var id = NewId();
        var at = Visit(day);
        var partyA = applicants.Name();
        var steps = new List<DemoStep>
        {
            Open(at, id, "divorce-registration", "apply", clerk, day, new() { ["party_a"] = partyA, ["party_b"] = applicants.Name() }),
        };
        var fate = random.NextDouble();
        if (fate < 0.2)
        {
            // Withdrawn during the cooling-off period.
            steps.Add(Step(Visit(day.AddDays(random.Next(3, 27))), id, "withdraw", clerk, "divorce withdrawn", ("withdrawn_by", partyA)));
        }
        else if (fate < 0.85)
        {
            // The cooling-off timer has moved the case on by then (30 days, the last day moved past holidays).
            var back = Visit(calendar.AddWorkingDays(day.AddDays(32), random.Next(0, 12)));
            steps.Add(Step(back, id, "appear", clerk, null));
            var done = back.AddMinutes(random.Next(10, 25));
            steps.Add(Step(done, id, "register", clerk, "divorce registered", ("certificate_number", Certificate("L", day))));
            Rate(steps, id, done, clerk, MarriageChief);
        }
        // Otherwise nobody comes back and the appearance timer deems the application withdrawn.
        return new DemoStory(steps);
    }

    private DemoStory Allowance(DateOnly day)
    {
        var id = NewId();
        var at = Visit(day);
        var steps = new List<DemoStep>
        {
            Open(at, id, "minimum-living-allowance", "apply", AssistanceClerk, day, new()
            {
                ["applicant"] = applicants.Name(), ["household_size"] = random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
            }),
        };
        if (random.NextDouble() < 0.08)
        {
            steps.Add(Step(at.AddMinutes(20), id, "reject", AssistanceClerk, "allowance not accepted", ("reason", "户籍不在本辖区")));
            return new DemoStory(steps);
        }
        steps.Add(Step(at.AddMinutes(random.Next(15, 40)), id, "accept", AssistanceClerk, null, ("handler", AssistanceClerk.Id)));
        var overdue = random.NextDouble() < 0.12;
        var workingDay = 0;
        if (random.NextDouble() < 0.3)
        {
            workingDay += random.Next(2, 6);
            steps.Add(Step(Visit(After(day, workingDay)), id, "request_supplement", AssistanceClerk, "supplement", ("materials", "income_statement")));
            workingDay += random.Next(2, 8);
            steps.Add(Step(Visit(After(day, workingDay)), id, "materials_received", AssistanceClerk, null));
        }
        if (!overdue && random.NextDouble() < 0.15)
        {
            workingDay += random.Next(3, 8);
            steps.Add(Step(Visit(After(day, workingDay)), id, "request_extension", AssistanceClerk, null,
                ("extension", "10wd"), ("reason", "需跨区核对家庭经济状况")));
            workingDay += 1;
            steps.Add(Step(Visit(After(day, workingDay)), id, "approve_extension", Leader, "extension"));
        }
        // Handlers touch a case at least every few working days, or the inaction rule records it.
        // A slow handler finishes the investigation after the promised 30 working days: the case goes red.
        workingDay = overdue ? Math.Max(workingDay, 30) + random.Next(2, 8) : workingDay + random.Next(2, 5);
        steps.Add(Step(Visit(After(day, workingDay)), id, "complete_investigation", AssistanceClerk, overdue ? "allowance overdue" : null,
            ("findings", "家庭人均收入低于当地低保标准")));
        workingDay += random.Next(1, 4);
        if (random.NextDouble() < 0.18)
        {
            steps.Add(Step(Visit(After(day, workingDay)), id, "propose_refusal", AssistanceChief, null, ("reason", "家庭财产超过规定标准")));
            steps.Add(Step(Visit(After(day, workingDay + 1)), id, "send_refusal_notice", AssistanceChief, "allowance refused",
                ("reason", "家庭财产超过规定标准")));
            return new DemoStory(steps);
        }
        var amount = (random.Next(8, 16) * 100).ToString(CultureInfo.InvariantCulture);
        var proposed = Visit(After(day, workingDay));
        steps.Add(Step(proposed, id, "propose_approval", AssistanceChief, "public notice", ("monthly_amount", amount)));
        // The notice runs 7 days on its timer; the leader confirms in the days after.
        var confirmed = Visit(calendar.AddWorkingDays(calendar.LocalDate(proposed).AddDays(8), random.Next(0, 3)));
        steps.Add(Step(confirmed, id, "confirm", Leader, "allowance approved", ("monthly_amount", amount)));
        Rate(steps, id, confirmed, AssistanceClerk, AssistanceChief);
        return new DemoStory(steps);
    }

    private DemoStory Inquiry(DateOnly day)
    {
        var id = NewId();
        var at = Visit(day);
        var steps = new List<DemoStep>
        {
            Open(at, id, "inquiry-referral", "log", HallClerk, day, new()
            {
                ["channel"] = "in_person", ["matter"] = random.Next(2) == 0 ? "咨询婚姻登记所需材料" : "咨询低保申请条件",
            }),
        };
        if (random.NextDouble() < 0.5)
        {
            steps.Add(Step(at.AddMinutes(random.Next(5, 15)), id, "answer", HallClerk, "inquiry answered", ("answer", "已当场告知办理流程和材料清单")));
            return new DemoStory(steps);
        }
        var toMarriage = random.Next(2) == 0;
        var chief = toMarriage ? MarriageChief : AssistanceChief;
        var referred = at.AddMinutes(random.Next(5, 15));
        steps.Add(Step(referred, id, "refer", HallClerk, "referral", ("target_window", toMarriage ? "marriage-1" : "assistance-1"),
            ("contact", applicants.Mobile())));
        var fate = random.NextDouble();
        if (fate < 0.08)
        {
            // Never acknowledged: the 2-working-day timer records the lost referral.
            return new DemoStory(steps);
        }
        // Most within the 2 working hours; some late, after the reminder timer has fired.
        var acknowledged = fate < 0.85 ? referred.AddMinutes(random.Next(10, 100)) : Visit(After(calendar.LocalDate(referred), 1));
        steps.Add(Step(acknowledged, id, "acknowledge", chief, fate < 0.85 ? "referral acknowledged on time" : "referral acknowledged late"));
        steps.Add(Step(acknowledged.AddMinutes(random.Next(10, 60)), id, "answer", chief, null, ("answer", "已电话联系并答复")));
        return new DemoStory(steps);
    }

    private DemoStory Complaint(DateOnly day)
    {
        var id = NewId();
        var at = Visit(day);
        var about = random.Next(3) switch { 0 => MarriageClerk1, 1 => MarriageClerk2, _ => AssistanceClerk };
        var steps = new List<DemoStep>
        {
            Open(at, id, "complaint-handling", "lodge", EfficiencyOffice, day, new()
            {
                ["complainant"] = applicants.Name(), ["about"] = $"{about.WindowId} 工作人员态度生硬、推诿", ["window"] = about.WindowId,
            }),
            Step(at.AddMinutes(random.Next(30, 120)), id, "assign", EfficiencyOffice, null, ("handler", EfficiencyOffice.Id)),
        };
        var checkedAt = Visit(After(day, random.Next(1, 3)));
        if (random.NextDouble() < 0.4)
        {
            steps.Add(Step(checkedAt, id, "verify", EfficiencyOffice, "complaint verified", ("against", about.Id), ("summary", "经调取录像核实，投诉属实")));
        }
        else
        {
            steps.Add(Step(checkedAt, id, "dismiss", EfficiencyOffice, "complaint unfounded", ("reason", "经核实，工作人员按规定办理")));
        }
        steps.Add(Step(Visit(After(calendar.LocalDate(checkedAt), random.Next(1, 3))), id, "reply", EfficiencyOffice, null,
            ("reply", "已将调查结果告知投诉人")));
        return new DemoStory(steps);
    }

    // Most applicants rate; a few give a bad review, which opens a rectification case the next working day,
    // linked to the review as the office's sweep links it, so the figures can tell how the review ended.
    private void Rate(List<DemoStep> steps, Guid caseId, DateTimeOffset done, DemoPerson handler, DemoPerson chief)
    {
        if (random.NextDouble() < 0.3)
        {
            return;
        }
        var draw = random.NextDouble();
        var score = draw < 0.04 ? random.Next(1, 3) : draw < 0.12 ? 3 : draw < 0.35 ? 4 : 5;
        var rated = done.AddMinutes(random.Next(2, 240));
        if (score > 2)
        {
            steps.Add(Step(rated, caseId, "rate", handler, "rating") with { Rating = score });
            return;
        }
        var ratingId = NewId();
        steps.Add(Step(rated, caseId, "rate", handler, "rating") with { Rating = score, RatingId = ratingId });
        var review = BadReviewRectifications.CaseIdFor(ratingId);
        var opened = Visit(After(calendar.LocalDate(rated), 1));
        steps.Add(new DemoStep(opened, review, "open", EfficiencyOffice, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rating"] = ratingId.ToString("D", CultureInfo.InvariantCulture), ["window"] = handler.WindowId, ["responsible"] = handler.Id,
            ["review"] = "等候时间太长，工作人员解释不清",
        }) { Definition = BadReviewRectifications.Definition, Tally = "bad review", LinksRating = ratingId });
        var openedDay = calendar.LocalDate(opened);
        if (random.NextDouble() < 0.2)
        {
            steps.Add(Step(Visit(After(openedDay, 1)), review, "appeal", chief, null, ("reason", "评价人当日并未到窗口办理")));
            steps.Add(Step(Visit(After(openedDay, 2)), review, "void_review", EfficiencyOffice, "bad review voided", ("reason", "申诉成立")));
            return;
        }
        // One in five is rectified late, past the 5 working days.
        var late = random.NextDouble() < 0.2;
        steps.Add(Step(Visit(After(openedDay, 1)), review, "confirm", chief, null, ("finding", "情况属实")));
        steps.Add(Step(Visit(After(openedDay, late ? 6 : 2)), review, "rectified", handler, null, ("measures", "加强业务培训，完善一次性告知")));
        steps.Add(Step(Visit(After(openedDay, late ? 7 : 3)), review, "called_back", chief, late ? "bad review rectified late" : "bad review rectified",
            ("callback_result", "申请人表示满意")));
    }

    private DemoStep Open(DateTimeOffset at, Guid id, string definition, string action, DemoPerson clerk, DateOnly day,
        Dictionary<string, string> inputs)
    {
        inputs.TryAdd("window", clerk.WindowId);
        inputs["applicant_name"] = inputs.GetValueOrDefault("party_a") ?? inputs.GetValueOrDefault("applicant")
            ?? inputs.GetValueOrDefault("complainant") ?? applicants.Name();
        inputs["applicant_id_number"] = applicants.IdNumber(day.AddYears(-20));
        inputs["applicant_phone"] = applicants.Mobile();
        return new DemoStep(at, id, action, clerk, inputs) { Definition = definition, Tally = definition };
    }

    private static DemoStep Step(DateTimeOffset at, Guid id, string action, DemoPerson actor, string? tally, params (string Name, string Value)[] inputs) =>
        new(at, id, action, actor, inputs.ToDictionary(i => i.Name, i => i.Value, StringComparer.Ordinal)) { Tally = tally };

    private DateOnly After(DateOnly day, int workingDays) => calendar.AddWorkingDays(day, workingDays);

    // A moment in office hours on a working day (a holiday is moved to the next working day).
    private DateTimeOffset Visit(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        var open = calendar.OfficeOpen(day);
        var minutes = (int)(calendar.OfficeClose(day) - open).TotalMinutes;
        return open.AddMinutes(random.Next(0, Math.Max(1, minutes - 90)));
    }

    private string Certificate(string prefix, DateOnly day) =>
        $"{prefix}310101-{day.Year}-{++certificates:000000}";

    private Guid NewId()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        // Version 4 and the RFC variant, so the ids look like any other case id.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
