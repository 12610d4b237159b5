namespace ServiceWindow.Host.Pages.Cases.Notices;

/// 延期告知书: why the case takes longer, by how much, and the new promised date.
public sealed class ExtensionModel(CaseNotices notices) : NoticePageModel(notices)
{
    protected override bool Applies(NoticeFacts notice) => notice.Extension is not null;
}
