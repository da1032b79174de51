//! The camera and a QR reader, for scanning codes shown on other devices.
//! [`Camera`] puts the camera's picture in a `<video>`; [`QrReader`] reads
//! the codes in its current frame with the browser's own `BarcodeDetector`
//! where it reads QR codes, or else with the scanner's worker
//! (`src/bin/scanner.rs`), a module of its own fetched only when scanning
//! starts, so the app's first download carries no QR reader.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the camera could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraProblem {
    /// This browser cannot use a camera here (an old browser, or a page
    /// opened over plain `http` from another machine).
    Unsupported,
    /// The device has no camera.
    NoCamera,
    /// The person, or the device's settings, said no.
    Refused,
    /// Another app or tab is using the camera.
    InUse,
    /// The QR reader could not be loaded (offline before it was ever used).
    ReaderMissing,
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The camera, while it is on; dropping it turns the camera off.
pub struct Camera {
    stream: web_sys::MediaStream,
}

impl Camera {
    /// Asks for the camera (the one facing away, on a tablet) and shows its
    /// picture in `video`.
    pub async fn open(video: &web_sys::HtmlVideoElement) -> Result<Camera, CameraProblem> {
        let devices = web_sys::window()
            .and_then(|w| get(&w.navigator(), "mediaDevices"))
            .and_then(|d| d.dyn_into::<web_sys::MediaDevices>().ok())
            .ok_or(CameraProblem::Unsupported)?;
        let wanted = js_sys::JSON::parse(
            r#"{"audio":false,"video":{"facingMode":{"ideal":"environment"},"width":{"ideal":1280},"height":{"ideal":720}}}"#,
        )
        .map_err(|_| CameraProblem::Unsupported)?;
        let asked = devices
            .get_user_media_with_constraints(wanted.unchecked_ref())
            .map_err(|_| CameraProblem::Unsupported)?;
        let stream: web_sys::MediaStream = JsFuture::from(asked)
            .await
            .map_err(|e| camera_problem(&e))?
            .unchecked_into();
        let camera = Camera { stream };
        video.set_muted(true);
        video.set_src_object(Some(&camera.stream));
        if let Ok(playing) = video.play() {
            // A picture that does not play still reads nothing; not a failure.
            let _ = JsFuture::from(playing).await;
        }
        Ok(camera)
    }
}

impl Drop for Camera {
    fn drop(&mut self) {
        for track in self.stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

/// What the browser's refusal of the camera means for the person.
fn camera_problem(error: &JsValue) -> CameraProblem {
    let name = get(error, "name").and_then(|n| n.as_string());
    match name.as_deref() {
        Some("NotAllowedError" | "SecurityError" | "PermissionDeniedError") => {
            CameraProblem::Refused
        }
        Some("NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError") => {
            CameraProblem::NoCamera
        }
        Some("NotReadableError" | "AbortError" | "TrackStartError") => CameraProblem::InUse,
        _ => CameraProblem::Unsupported,
    }
}

/// Which reader reads the frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReaderKind {
    /// The browser's own `BarcodeDetector`.
    Browser,
    /// The scanner's worker (Rust).
    Worker,
}

/// The page's half of the scanner's worker: it posts one frame at a time and
/// waits for that frame's answer.
struct WorkerReader {
    worker: web_sys::Worker,
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
    /// Resolves the frame being read (or the wait for `ready`).
    answer: Rc<RefCell<Option<js_sys::Function>>>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for WorkerReader {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

enum Reader {
    Browser(JsValue),
    Worker(WorkerReader),
}

/// Reads QR codes in a video's current frame.
pub struct QrReader {
    reader: Reader,
}

/// Frames are read at most this large (a 1280 × 720 camera's), scaled down if bigger.
const MOST_PIXELS: f64 = 1280.0 * 720.0;

impl QrReader {
    /// The browser's own reader where it reads QR codes, else the worker's
    /// (fetched now, and waited for until it is ready).
    pub async fn open() -> Result<QrReader, CameraProblem> {
        if let Some(detector) = browser_detector().await {
            return Ok(QrReader {
                reader: Reader::Browser(detector),
            });
        }
        Ok(QrReader {
            reader: Reader::Worker(open_worker().await?),
        })
    }

    /// Which reader this is.
    pub fn kind(&self) -> ReaderKind {
        match self.reader {
            Reader::Browser(_) => ReaderKind::Browser,
            Reader::Worker(_) => ReaderKind::Worker,
        }
    }

    /// The text of every code in `video`'s current frame; nothing while the
    /// camera has no picture yet. A frame that cannot be read reads nothing.
    pub async fn read(&self, video: &web_sys::HtmlVideoElement) -> Vec<String> {
        let (width, height) = (video.video_width(), video.video_height());
        if width == 0 || height == 0 {
            return Vec::new();
        }
        let found = match &self.reader {
            Reader::Browser(detector) => detect(detector, video).await,
            Reader::Worker(worker) => worker.read(video, width, height).await,
        };
        found.unwrap_or_default()
    }
}

/// A `BarcodeDetector` for QR codes, if this browser has one that reads them
/// (Safari and Chrome on Android and Apple devices; not Chrome on Windows).
async fn browser_detector() -> Option<JsValue> {
    let class = get(&js_sys::global(), "BarcodeDetector")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let formats = get(&class, "getSupportedFormats")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let formats = formats
        .call0(&class)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let formats = JsFuture::from(formats).await.ok()?;
    let qr = JsValue::from_str("qr_code");
    if !js_sys::Array::from(&formats).includes(&qr, 0) {
        return None;
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &JsValue::from_str("formats"),
        &js_sys::Array::of1(&qr),
    )
    .ok()?;
    js_sys::Reflect::construct(&class, &js_sys::Array::of1(&options)).ok()
}

async fn detect(detector: &JsValue, video: &web_sys::HtmlVideoElement) -> Option<Vec<String>> {
    let detect = get(detector, "detect")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let found = detect
        .call1(detector, video)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let found = JsFuture::from(found).await.ok()?;
    Some(
        js_sys::Array::from(&found)
            .iter()
            .filter_map(|code| get(&code, "rawValue").and_then(|v| v.as_string()))
            .collect(),
    )
}

/// The worker's module and wasm, as index.html's loader names them for this build.
fn worker_files() -> Option<(String, String)> {
    super::builds::files("scanner")
}

/// `scanner-worker.js` (public/) imports the module and starts it with the
/// wasm, both named in the first message it is sent.
const WORKER_STARTER: &str = "./scanner-worker.js";

/// Fetches the worker's files (its starter, module and wasm) without using
/// them, so that the service worker keeps a copy for scanning offline.
pub fn keep_reader_for_offline() {
    let files = worker_files().map(|(js, wasm)| [WORKER_STARTER.to_string(), js, wasm]);
    super::builds::keep_for_offline(files.into_iter().flatten());
}

/// A promise for the next answer that `answer` is called with.
fn next_answer(answer: &Rc<RefCell<Option<js_sys::Function>>>) -> js_sys::Promise {
    let answer = answer.clone();
    js_sys::Promise::new(&mut |resolve, _| {
        *answer.borrow_mut() = Some(resolve);
    })
}

/// How long the worker may take to start before the scanner says it is missing.
const WORKER_START_MS: i32 = 20_000;

async fn open_worker() -> Result<WorkerReader, CameraProblem> {
    let (js, wasm) = worker_files().ok_or(CameraProblem::ReaderMissing)?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(WORKER_STARTER, &options)
        .map_err(|_| CameraProblem::ReaderMissing)?;
    let answer: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
    let give = |answer: &Rc<RefCell<Option<js_sys::Function>>>, value: &JsValue| {
        if let Some(resolve) = answer.borrow_mut().take() {
            let _ = resolve.call1(&JsValue::NULL, value);
        }
    };
    let on_message = {
        let answer = answer.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            give(&answer, &event.data())
        })
    };
    // A worker that fails to load or dies answers "nothing" rather than never.
    let on_error = {
        let answer = answer.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |_| give(&answer, &JsValue::NULL))
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let ready = next_answer(&answer);
    let files = js_sys::Object::new();
    let named = js_sys::Reflect::set(&files, &JsValue::from_str("js"), &JsValue::from_str(&js))
        .and_then(|_| {
            js_sys::Reflect::set(
                &files,
                &JsValue::from_str("wasm"),
                &JsValue::from_str(&wasm),
            )
        });
    if named.is_err() || worker.post_message(&files).is_err() {
        worker.terminate();
        return Err(CameraProblem::ReaderMissing);
    }
    let late = {
        let answer = answer.clone();
        Closure::once_into_js(move || give(&answer, &JsValue::NULL))
    };
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            late.unchecked_ref(),
            WORKER_START_MS,
        );
    }
    let first = JsFuture::from(ready).await.unwrap_or(JsValue::NULL);
    if get(&first, "ready").and_then(|r| r.as_bool()) != Some(true) {
        worker.terminate();
        return Err(CameraProblem::ReaderMissing);
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(CameraProblem::Unsupported)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| CameraProblem::Unsupported)?
        .unchecked_into();
    // Frames are read back every time, so the browser keeps them in memory.
    let settings = web_sys::ContextAttributes2d::new();
    settings.set_will_read_frequently(true);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &settings)
        .ok()
        .flatten()
        .ok_or(CameraProblem::Unsupported)?
        .unchecked_into();
    Ok(WorkerReader {
        worker,
        canvas,
        context,
        answer,
        _on_message: on_message,
        _on_error: on_error,
    })
}

impl WorkerReader {
    async fn read(
        &self,
        video: &web_sys::HtmlVideoElement,
        width: u32,
        height: u32,
    ) -> Option<Vec<String>> {
        let scale = (MOST_PIXELS / (f64::from(width) * f64::from(height)))
            .sqrt()
            .min(1.0);
        let (w, h) = (
            (f64::from(width) * scale).round().max(1.0),
            (f64::from(height) * scale).round().max(1.0),
        );
        self.canvas.set_width(w as u32);
        self.canvas.set_height(h as u32);
        self.context
            .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w, h)
            .ok()?;
        let frame = self.context.get_image_data(0.0, 0.0, w, h).ok()?;
        // The pixels go to the worker as they are, never through this module's memory.
        let pixels = get(&frame, "data")?;
        let buffer = get(&pixels, "buffer")?;
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &JsValue::from_str("width"), &JsValue::from_f64(w)).ok()?;
        js_sys::Reflect::set(
            &message,
            &JsValue::from_str("height"),
            &JsValue::from_f64(h),
        )
        .ok()?;
        js_sys::Reflect::set(&message, &JsValue::from_str("pixels"), &pixels).ok()?;
        let answered = next_answer(&self.answer);
        self.worker
            .post_message_with_transfer(&message, &js_sys::Array::of1(&buffer))
            .ok()?;
        let answer = JsFuture::from(answered).await.ok()?;
        let codes = get(&answer, "codes")?;
        Some(
            js_sys::Array::from(&codes)
                .iter()
                .filter_map(|c| c.as_string())
                .collect(),
        )
    }
}
