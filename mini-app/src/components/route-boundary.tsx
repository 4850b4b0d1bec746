import { Component, type ReactNode } from "react";
import { Page } from "zmp-ui";
import { AppHeader } from "./app-header";
import { HotlineNote } from "./contact";
import { ErrorMessage } from "./status";

type Props = { onRetry: () => void; children: ReactNode };

/**
 * Catches what a route throws while loading or rendering (a page's chunk that cannot be fetched
 * offline, a bug): the screen says so in Vietnamese and offers a retry instead of going blank.
 */
export class RouteBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  retry = () => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Page className="page">
        <AppHeader title="Không mở được trang" />
        <ErrorMessage message="Chưa mở được trang này. Vui lòng kiểm tra kết nối mạng rồi thử lại." onRetry={this.retry} home />
        <HotlineNote />
      </Page>
    );
  }
}
