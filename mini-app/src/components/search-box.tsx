import { type FormEvent, useId } from "react";
import { MAX_QUERY_LENGTH } from "../../../shared/src/catalogue/limits";
import { SearchIcon } from "./icons";

/** The search field: submits on Enter, reports every keystroke for instant results. */
export function SearchBox(props: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(props.value.trim());
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Tìm thủ tục hành chính
      </label>
      <SearchIcon className="search-box__icon" />
      <input
        id={id}
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Tìm thủ tục: khai sinh, sổ đỏ, bằng lái…"
        value={props.value}
        // biome-ignore lint/a11y/noAutofocus: only the search page asks for it, where typing is the next step
        autoFocus={props.autoFocus}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </form>
  );
}
