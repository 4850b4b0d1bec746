import { type ChangeEvent, useEffect, useState } from "react";
import { formatFileSize, MAX_FILE_BYTES } from "../../../shared/src/files/files";
import { formatDate } from "../../../shared/src/format/vi";
import { errorMessage } from "../services/api";
import { type FileItem, fileApi } from "../services/authed-api";
import { Dialog } from "./dialog";

export const FILE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,application/pdf,image/*";

/** Picks files the resident uploaded before ("Kho dữ liệu") instead of uploading them again. */
function LibraryDialog(props: {
  open: boolean;
  docName: string;
  attached: string[];
  onPick: (f: FileItem) => void;
  onClose: () => void;
}) {
  const [files, setFiles] = useState<FileItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!props.open) return;
    let active = true;
    setFiles(null);
    setError(null);
    fileApi
      .list()
      .then(({ items }) => active && setFiles(items))
      .catch((e: unknown) => active && setError(errorMessage(e)));
    return () => {
      active = false;
    };
  }, [props.open]);
  // Declarations generated from an eForm belong to their dossier; they are never attached again.
  const available = files?.filter((f) => !f.fromEform && !props.attached.includes(f.id)) ?? [];

  return (
    <Dialog open={props.open} title="Chọn từ kho dữ liệu" onClose={props.onClose}>
      <p className="note">Cho giấy tờ: {props.docName}</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {!files && !error && <p role="status">Đang tải…</p>}
      {files && available.length === 0 && <p>Kho dữ liệu chưa có tệp nào khác để chọn.</p>}
      {available.length > 0 && (
        <ul className="file-list" aria-label="Tệp trong kho dữ liệu">
          {available.map((f) => (
            <li key={f.id} className="file-list__item">
              <span className="file-list__name">
                {f.name}
                <span className="note">
                  {" "}
                  · {formatFileSize(f.size)} · {formatDate(f.createdAt)}
                </span>
              </span>
              <button
                type="button"
                className="button button--small button--primary"
                aria-label={`Chọn ${f.name}`}
                onClick={() => props.onPick(f)}
              >
                Chọn
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--secondary button--block" onClick={props.onClose}>
        Đóng
      </button>
    </Dialog>
  );
}

/**
 * The files attached to one document of a dossier: upload ("Tải lên"), reuse from the personal
 * store ("Chọn từ kho dữ liệu"), and remove. Type and size are checked again by the API.
 */
export function DocumentFiles(props: {
  docName: string;
  files: FileItem[];
  onAdd: (file: FileItem) => void;
  onRemove: (id: string) => void;
}) {
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = "";
    setError(null);
    for (const file of chosen) {
      if (file.size > MAX_FILE_BYTES) {
        setError(`Tệp “${file.name}” vượt quá ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
        continue;
      }
      setUploading((n) => n + 1);
      try {
        props.onAdd(await fileApi.upload(file, file.name));
      } catch (e) {
        setError(`Tệp “${file.name}”: ${errorMessage(e)}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  return (
    <div className="doc-files">
      {props.files.length > 0 && (
        <ul className="file-list" aria-label={`Tệp đã đính kèm: ${props.docName}`}>
          {props.files.map((f) => (
            <li key={f.id} className="file-list__item">
              <span className="file-list__name">
                {f.name}
                <span className="note"> · {f.size > 0 ? formatFileSize(f.size) : "đã lưu"}</span>
              </span>
              <button
                type="button"
                className="button button--small button--link"
                aria-label={`Gỡ tệp ${f.name}`}
                onClick={() => props.onRemove(f.id)}
              >
                Gỡ
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="doc-files__actions">
        <label className="button button--small button--secondary file-button">
          Tải lên
          <input
            type="file"
            className="visually-hidden"
            accept={FILE_ACCEPT}
            multiple
            aria-label={`Tải lên: ${props.docName}`}
            onChange={(e) => void upload(e)}
          />
        </label>
        <button
          type="button"
          className="button button--small button--link"
          aria-label={`Chọn từ kho dữ liệu: ${props.docName}`}
          onClick={() => setLibraryOpen(true)}
        >
          Chọn từ kho dữ liệu
        </button>
      </div>
      {uploading > 0 && (
        <p className="note" role="status">
          Đang tải lên…
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <LibraryDialog
        open={libraryOpen}
        docName={props.docName}
        attached={props.files.map((f) => f.id)}
        onPick={(f) => {
          props.onAdd(f);
          setLibraryOpen(false);
        }}
        onClose={() => setLibraryOpen(false)}
      />
    </div>
  );
}
