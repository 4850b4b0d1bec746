import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { NotFound } from "../../components/status";

/** Any path the app does not know: an old or mistyped link. */
export default function NotFoundPage() {
  return (
    <Page className="page">
      <AppHeader title="Không tìm thấy trang" />
      <NotFound message="Không tìm thấy trang này. Liên kết có thể đã cũ hoặc bị gõ sai." />
    </Page>
  );
}
