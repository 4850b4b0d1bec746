import { useEffect, useState } from "react";
import { errorMessage } from "../services/api";
import { fileApi } from "../services/authed-api";

/**
 * A document shown in the page, no download needed. The API needs the bearer, so the bytes come
 * as a blob (served inline, typed as sniffed at upload) behind an object URL. Images are an <img>;
 * a PDF is an <object>, which desktop browsers and iOS web views render with their own viewer.
 * Android's WebView (Zalo on Android) has no PDF renderer: there the <object> shows its fallback,
 * which offers the download. No PDF library is bundled, so nothing weighs on any first screen.
 */
export default function FilePreview({
  file,
  onDownload,
}: {
  file: { id: string; name: string; mime: string };
  onDownload: () => void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    let objectUrl: string | null = null;
    fileApi
      .preview(file.id)
      .then((blob) => {
        if (!active) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((e: unknown) => active && setError(errorMessage(e)));
    return () => {
      active = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file.id]);

  if (error)
    return (
      <p className="field__error" role="alert">
        {error}
      </p>
    );
  if (!url)
    return (
      <p className="note" role="status">
        Đang mở tệp…
      </p>
    );
  return (
    <figure className="file-preview" aria-label={`Xem trước: ${file.name}`}>
      {file.mime === "application/pdf" ? (
        <object data={url} type="application/pdf" className="file-preview__pdf" aria-label={file.name}>
          <p className="note">
            Thiết bị này không hiển thị được tệp PDF ngay trong trang.{" "}
            <button type="button" className="button button--small button--link" onClick={onDownload}>
              Tải về để xem
            </button>
          </p>
        </object>
      ) : (
        <img src={url} alt={file.name} className="file-preview__image" />
      )}
    </figure>
  );
}
