// The field of a text or quote block's words. It is the plain multi-line field for now; the rich-text
// editor (LocalizedRichTextField, same props) takes its place by changing this one line.
export { LocalizedField as BlockTextField } from './LocalizedField';
